package io.keyrail.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Problem details shared by every service. */
@AutoConfiguration
@Import(CommonProblemHandler.class)
public class WebAutoConfiguration {
}
