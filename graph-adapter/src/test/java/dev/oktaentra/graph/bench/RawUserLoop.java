package dev.oktaentra.graph.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.oktaentra.core.directory.CloudUser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The baseline: the same pages fetched with {@code java.net.http} and parsed with Jackson's streaming parser into
 * the same {@link CloudUser}s, following {@code @odata.nextLink}, with none of the SDK's machinery.
 */
final class RawUserLoop {

    private static final JsonFactory JSON = new JsonFactory();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token;

    RawUserLoop(String token) {
        this.token = token;
    }

    long read(String firstPage, Consumer<CloudUser> sink) throws IOException, InterruptedException {
        long count = 0;
        String next = firstPage;
        while (next != null) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(next)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + next);
            }
            String[] link = {null};
            try (InputStream body = response.body(); JsonParser p = JSON.createParser(body)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.getCurrentName();
                    p.nextToken();
                    if (field.equals("value")) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            sink.accept(user(p));
                            count++;
                        }
                    } else if (field.equals("@odata.nextLink")) {
                        link[0] = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            }
            next = link[0];
        }
        return count;
    }

    private static CloudUser user(JsonParser p) throws IOException {
        CloudUser.Builder b = CloudUser.builder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.getCurrentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "id" -> b.id(p.getText());
                case "userPrincipalName" -> b.userPrincipalName(p.getText());
                case "onPremisesImmutableId" -> b.immutableId(p.getText());
                case "onPremisesSyncEnabled" -> b.onPremisesSyncEnabled(p.getBooleanValue());
                case "mail" -> b.mail(p.getText());
                case "onPremisesLastSyncDateTime" -> b.onPremisesLastSyncDateTime(Instant.parse(p.getText()));
                case "proxyAddresses" -> {
                    List<String> proxies = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        proxies.add(p.getText());
                    }
                    b.proxyAddresses(proxies);
                }
                default -> p.skipChildren();
            }
        }
        return b.build();
    }
}
