package dev.oktaentra.core.bench;

import dev.oktaentra.core.anchor.Anchors;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * GUID text to ImmutableID and back: the library's one-liners against the way most scripts do it with the JDK
 * ({@code UUID.fromString}, a little-endian {@code ByteBuffer}, {@code java.util.Base64}). Run it with
 * {@code mvn -B -q -pl core -Pbench-anchors verify -DskipTests}; {@link AnchorBenchmarkMain} prints the ratios.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnchorConversionBenchmark {

    private static final int VALUES = 4096;

    private final String[] guids = new String[VALUES];
    private final String[] immutableIds = new String[VALUES];
    private final byte[][] immutableIdBytes = new byte[VALUES][];
    private int next;

    @Setup
    public void generate() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < VALUES; i++) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            guids[i] = uuid.toString();
            immutableIds[i] = naiveImmutableId(guids[i]);
            immutableIdBytes[i] = immutableIds[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    @Benchmark
    public String guidToImmutableId_library() {
        return Anchors.immutableId(guids[next++ & (VALUES - 1)]);
    }

    @Benchmark
    public String guidToImmutableId_naive() {
        return naiveImmutableId(guids[next++ & (VALUES - 1)]);
    }

    @Benchmark
    public String immutableIdToGuid_library() {
        return Anchors.objectGuid(immutableIds[next++ & (VALUES - 1)]).toString();
    }

    @Benchmark
    public String immutableIdToGuid_naive() {
        return naiveGuid(immutableIds[next++ & (VALUES - 1)]);
    }

    /** A floor, not a conversion: only the JDK's parse of the GUID text, which any conversion must match. */
    @Benchmark
    public long floor_parseGuidText() {
        UUID uuid = UUID.fromString(guids[next++ & (VALUES - 1)]);
        return uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits();
    }

    /** A floor, not a conversion: only building a 24-character string from bytes at hand, as any result needs. */
    @Benchmark
    @SuppressWarnings("deprecation")
    public String floor_buildImmutableIdString() {
        return new String(immutableIdBytes[next++ & (VALUES - 1)], 0, 0, 24);
    }

    static String naiveImmutableId(String guid) {
        UUID uuid = UUID.fromString(guid);
        long msb = uuid.getMostSignificantBits();
        ByteBuffer bytes = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt((int) (msb >>> 32)).putShort((short) (msb >>> 16)).putShort((short) msb);
        bytes.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getLeastSignificantBits());
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    static String naiveGuid(String immutableId) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(immutableId)).order(ByteOrder.LITTLE_ENDIAN);
        long a = bytes.getInt() & 0xffffffffL;
        long b = bytes.getShort() & 0xffffL;
        long c = bytes.getShort() & 0xffffL;
        long lsb = bytes.order(ByteOrder.BIG_ENDIAN).getLong();
        return new UUID((a << 32) | (b << 16) | c, lsb).toString();
    }
}
