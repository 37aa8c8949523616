package io.github.camelcardsavr.quarkus.it;

import java.util.List;

import io.github.camelcardsavr.CardsavrConstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.apache.camel.ProducerTemplate;

/**
 * What the tests drive over HTTP, so that the same tests can run against a native build: hand jobs to the consumers,
 * read what they delivered, take a route's downstream down.
 */
@Path("/cardsavr")
@ApplicationScoped
public class CardsavrResource {

    @Inject
    ProducerTemplate producer;

    @Inject
    ReceivedMessages received;

    @Inject
    Downstream downstream;

    /** Adds a job to the jobStatus consumer of that name (and, for the followed one, to its credentialRequests). */
    @POST
    @Path("/consumers/{consumerName}/jobs/{jobId}")
    public void follow(@PathParam("consumerName") String consumerName, @PathParam("jobId") long jobId) {
        producer.sendBodyAndHeader("cardsavr:jobStatus?consumerName=" + consumerName, null, CardsavrConstants.JOB_ID,
                jobId);
        if (CardsavrRoutes.FOLLOWED.equals(consumerName)) {
            producer.sendBodyAndHeader("cardsavr:credentialRequests?consumerName=" + consumerName, null,
                    CardsavrConstants.JOB_ID, jobId);
        }
    }

    @GET
    @Path("/jobs/{jobId}/messages")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> messages(@PathParam("jobId") long jobId) {
        return received.of(jobId);
    }

    /** Takes the stuck route's downstream down ({@code false}) or brings it back ({@code true}). */
    @POST
    @Path("/downstream/{available}")
    public void downstream(@PathParam("available") boolean available) {
        downstream.setAvailable(available);
    }
}
