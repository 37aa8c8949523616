package io.github.camelcardsavr.springboot;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the starter's tests boot: nothing but what the starter and Camel auto-configure. */
@SpringBootApplication
public class StarterTestApplication {
}
