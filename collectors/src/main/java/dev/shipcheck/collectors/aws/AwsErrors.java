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
      String code = String.valueOf(s.awsErrorDetails().errorCode());
      String message = String.valueOf(s.awsErrorDetails().errorMessage());
      return switch (code) {
        case "AccessDeniedException", "AccessDenied" ->
            "AWS denied " + action + " (" + message + "); " + WHO + " that may call " + action;
        case "AWSOrganizationsNotInUseException" ->
            "the AWS account of these credentials is not in an organization"
                + " (AWSOrganizationsNotInUseException from "
                + action
                + "); "
                + WHO;
        case "TooManyRequestsException", "ThrottlingException", "Throttling" ->
            "AWS Organizations kept throttling "
                + action
                + " ("
                + code
                + ") after "
                + AwsOrganizationsCollector.MAX_ATTEMPTS
                + " attempts; run the scan again later";
        case "MissingAuthenticationTokenException",
            "IncompleteSignatureException",
            "UnrecognizedClientException",
            "InvalidClientTokenId",
            "ExpiredTokenException",
            "ExpiredToken",
            "InvalidSignatureException",
            "SignatureDoesNotMatch" ->
            "AWS rejected the credentials ("
                + code
                + ": "
                + message
                + ") calling "
                + action
                + " at "
                + settings.endpointLabel()
                + "; "
                + credentialsHint(settings);
        default ->
            action
                + " failed at "
                + settings.endpointLabel()
                + ": "
                + code
                + " (HTTP "
                + s.statusCode()
                + "): "
                + message;
      };
    }
    String message = firstLine(e.getMessage());
    if (e instanceof SdkClientException && message.contains("credentials")) {
      return "no AWS credentials could be loaded for "
          + action
          + " ("
          + message
          + "); "
          + credentialsHint(settings);
    }
    return "could not call " + action + " at " + settings.endpointLabel() + ": " + message;
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
