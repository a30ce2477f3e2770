package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.tenant.CloudSyncJob;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Plays an administrator deleting a cloud sync configuration in the Entra admin center (Entra Connect -> Cloud sync),
 * which the library leaves to people: each of its jobs is deleted through Graph's
 * {@code DELETE /servicePrincipals/{id}/synchronization/jobs/{jobId}}, which "Stop[s] the synchronization job, and
 * permanently delete[s] all the state associated with it. Synchronized accounts are left as-is."
 * (https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-delete).
 */
final class CloudSyncPortal {

    private final EmbeddedEnvironment env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    CloudSyncPortal(EmbeddedEnvironment env) {
        this.env = env;
    }

    /**
     * Deletes the jobs, one request each.
     *
     * @param jobs the configuration's jobs
     * @throws IllegalStateException naming the job when Graph does not answer {@code 204 No Content}
     */
    void deleteConfiguration(List<CloudSyncJob> jobs) {
        for (CloudSyncJob job : jobs) {
            URI uri = URI.create(env.graph().baseUrl() + "/servicePrincipals/" + encode(job.servicePrincipalId())
                    + "/synchronization/jobs/" + encode(job.jobId()));
            HttpRequest request = HttpRequest.newBuilder(uri).DELETE().timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + EmbeddedEnvironment.rehearsalToken()).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 204) {
                    throw new IllegalStateException("Deleting cloud sync job " + job.jobId() + " answered "
                            + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                throw new IllegalStateException("Deleting cloud sync job " + job.jobId() + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while deleting cloud sync job " + job.jobId(), e);
            }
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
