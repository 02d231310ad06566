package dev.shipcheck.collectors.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns what the SDK threw into a reason the user can act on, naming the permission. */
final class AwsErrors {
  private AwsErrors() {}

  static final String WHO =
      "use credentials of the organisation's management account or of a delegated administrator"
          + " account";

  /**
   * @param operation the Organizations operation that failed, e.g. {@code ListAccounts}
   */
  static String reason(String operation, SdkException e, AwsSettings settings) {
    String action = "organizations:" + operation;
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      return serviceReason(action, s, settings);
    }
    String message = firstLine(e.getMessage());
    if (e instanceof SdkClientException && message.contains("credentials")) {
      return String.format(
          "no AWS credentials could be loaded for %s (%s); %s",
          action, message, credentialsHint(settings));
    }
    return "could not call " + action + " at " + settings.endpointLabel() + ": " + message;
  }

  /** An error AWS answered, by its error code. */
  private static String serviceReason(String action, AwsServiceException s, AwsSettings settings) {
    String code = String.valueOf(s.awsErrorDetails().errorCode());
    String message = String.valueOf(s.awsErrorDetails().errorMessage());
    return switch (code) {
      case "AccessDeniedException", "AccessDenied" ->
          String.format("AWS denied %s (%s); %s that may call %s", action, message, WHO, action);
      case "AWSOrganizationsNotInUseException" ->
          String.format(
              "the AWS account of these credentials is not in an organization"
                  + " (AWSOrganizationsNotInUseException from %s); %s",
              action, WHO);
      case "TooManyRequestsException", "ThrottlingException", "Throttling" ->
          String.format(
              "AWS Organizations kept throttling %s (%s) after %d attempts; run the scan again later",
              action, code, AwsOrganizationsCollector.MAX_ATTEMPTS);
      case "MissingAuthenticationTokenException",
          "IncompleteSignatureException",
          "UnrecognizedClientException",
          "InvalidClientTokenId",
          "ExpiredTokenException",
          "ExpiredToken",
          "InvalidSignatureException",
          "SignatureDoesNotMatch" ->
          String.format(
              "AWS rejected the credentials (%s: %s) calling %s at %s; %s",
              code, message, action, settings.endpointLabel(), credentialsHint(settings));
      default ->
          String.format(
              "%s failed at %s: %s (HTTP %d): %s",
              action, settings.endpointLabel(), code, s.statusCode(), message);
    };
  }

  private static String credentialsHint(AwsSettings settings) {
    AwsSettings.Credentials c = settings.credentials();
    if (c instanceof AwsSettings.Credentials.Profile p) {
      return "check the AWS profile '" + p.name() + "'";
    }
    if (c instanceof AwsSettings.Credentials.Keys k) {
      return "check the key "
          + masked(k.accessKeyId())
          + " in AWS_ACCESS_KEY_ID and its secret key";
    }
    if (c instanceof AwsSettings.Credentials.DefaultChain) {
      return "check the credentials the AWS default chain finds (web identity, container or"
          + " instance role)";
    }
    return "no credentials were given with the endpoint, so the requests were not signed; set"
        + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or --aws-profile";
  }

  /** An access key id shortened to its ends: an identifier, but no need to spell it out. */
  static String masked(String accessKeyId) {
    return accessKeyId.length() <= 8
        ? "****"
        : accessKeyId.substring(0, 4) + "..." + accessKeyId.substring(accessKeyId.length() - 4);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no detail";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
