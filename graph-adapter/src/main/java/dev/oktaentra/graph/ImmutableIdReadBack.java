package dev.oktaentra.graph;

import static dev.oktaentra.core.OktaEntraException.quote;
import static dev.oktaentra.graph.ImmutableIdWriter.text;
import static dev.oktaentra.graph.ImmutableIdWriter.value;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ImmutableIdWriter}'s answer to a lost answer: the users whose PATCH has no reliable answer are read back
 * in one {@code $batch} and each write is decided by what the user holds now (see the writer's Javadoc).
 */
final class ImmutableIdReadBack {

    private static final Logger LOG = LoggerFactory.getLogger(ImmutableIdWriter.class);
    private static final String ATTRIBUTE = ImmutableIdWriter.ATTRIBUTE;

    private final GraphServiceClient graph;
    private final String directory;

    ImmutableIdReadBack(GraphServiceClient graph, String directory) {
        this.graph = graph;
        this.directory = directory;
    }

    /**
     * Reads back the users whose write has no reliable answer and decides each by what the user holds now.
     *
     * @param lost write index to the failure that was seen
     */
    void decide(List<AttributeWrite> writes, Map<Integer, String> lost, AttributeValue[] observed,
            WriteResult[] results, BatchExecutor batches) {
        List<BatchExecutor.Item> reads = new ArrayList<>();
        for (int i : lost.keySet()) {
            String target = writes.get(i).target();
            reads.add(new BatchExecutor.Item(Integer.toString(i), () -> graph.users().byUserId(target)
                    .toGetRequestInformation(rc -> rc.queryParameters.select = ImmutableIdWriter.READ_FIELDS)));
        }
        Map<String, BatchExecutor.Answer> read;
        try {
            read = batches.execute("Reading back " + ATTRIBUTE + " of " + reads.size() + " users whose write has no"
                    + " answer", reads);
        } catch (GraphException e) {
            lost.forEach((i, why) -> results[i] = unknown(writes.get(i), observed[i], why, e.getMessage()));
            return;
        }
        lost.forEach((i, why) -> {
            AttributeWrite w = writes.get(i);
            BatchExecutor.Answer answer = read.get(Integer.toString(i));
            if (answer == null || !answer.succeeded() || answer.body() == null) {
                String failure = ImmutableIdWriter.failed(w, "Reading " + ATTRIBUTE + " of " + w.target() + " back",
                        answer).message();
                results[i] = unknown(w, observed[i], why, failure);
                return;
            }
            String current = text(answer.body().get(ATTRIBUTE));
            String after = value(w.after());
            if (Objects.equals(current, after)) {
                LOG.warn("{}: Graph's answer to writing {} on {} was lost ({}); it reads back with the planned value",
                        directory, ATTRIBUTE, w.target(), why);
                results[i] = new WriteResult(w, WriteStatus.APPLIED, observed[i], "Graph's answer was lost (" + why
                        + "); read back: the user holds " + quote(after) + ", so it was written");
            } else if (Objects.equals(current, value(w.before()))) {
                results[i] = new WriteResult(w, WriteStatus.FAILED, observed[i], why + " (read back: not written)");
            } else {
                String who = ImmutableIdWriter.who(w.target(), text(answer.body().get("userPrincipalName")));
                results[i] = new WriteResult(w, WriteStatus.CONFLICT, current == null ? null
                        : AttributeValue.ofString(current), who + " holds " + quote(current) + ", neither the planned "
                        + quote(value(w.before())) + " nor " + quote(after) + ", after a write whose answer was lost ("
                        + why + ")");
            }
        });
    }

    private static WriteResult unknown(AttributeWrite w, AttributeValue observed, String why, String readFailure) {
        return new WriteResult(w, WriteStatus.FAILED, observed, why + "; reading the user back failed too ("
                + readFailure + "), so whether it was written is unknown. Apply again: the write is compare-and-set,"
                + " so it is then found written or written once");
    }
}
