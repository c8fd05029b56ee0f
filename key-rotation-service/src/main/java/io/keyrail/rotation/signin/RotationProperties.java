package io.keyrail.rotation.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Key rotation settings ({@code keyrail.rotation.*}).
 *
 * @param overlap how long the version a sign-in supersedes stays accepted (messages in flight under
 *                the old keys still verify)
 */
@ConfigurationProperties("keyrail.rotation")
record RotationProperties(@DefaultValue("PT30M") Duration overlap) {
}
