package dev.shipcheck.simulators.acme;

/**
 * The repository files of the sample organisation: Dockerfiles and CircleCI configs, written as a
 * team would write them, each variant differing from the compliant one in one deliberate way.
 */
final class AcmeFiles {
  private AcmeFiles() {}

  static final String DOCKERFILE =
      """
      # syntax=docker/dockerfile:1
      FROM node:20.11-bookworm AS build
      WORKDIR /app
      COPY package*.json ./
      RUN npm ci
      COPY . .
      RUN npm run build

      FROM gcr.io/distroless/nodejs20-debian12:nonroot
      COPY --from=build /app/dist /app
      CMD ["/app/server.js"]
      """;

  static final String PYTHON_DOCKERFILE =
      """
      FROM python:3.12-slim
      WORKDIR /app
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      COPY . .
      CMD ["gunicorn", "app:server"]
      """;

  /** Floats on {@code latest}: what DockerBaseImagePinned fails. */
  static final String UNPINNED_DOCKERFILE =
      """
      FROM node:latest
      WORKDIR /app
      COPY . .
      RUN npm ci && npm run build
      CMD ["node", "dist/server.js"]
      """;

  static final String ROLLBACK =
      """
      version: 2.1
      parameters:
        release: {type: string, default: ""}
      jobs:
        rollback:
          docker:
            - image: cimg/base:2024.01
          steps:
            - run: ./scripts/rollback.sh "<< pipeline.parameters.release >>"
      workflows:
        rollback:
          jobs: [rollback]
      """;

  private static final String JOBS =
      """
      version: 2.1

      orbs:
        deploy: acme/deploy@ORB

      jobs:
        build:
          docker:
            - image: cimg/node:20.11
          steps:
            - checkout
            - run: npm ci && npm run build
        test:
          docker:
            - image: cimg/node:20.11
          steps:
            - checkout
            - run: npm ci && npm test
            - store_test_results:
                path: reports
      """;

  /**
   * Build, test, deploy to qa and staging, then an approval and the production deploy through the
   * deployment orb, in the style of a real trunk-per-environment config.
   *
   * @param orb the deployment orb's version pin
   * @param prodContext the production deploy job's context
   * @param prodRequires what the production deploy job requires
   * @param holdRequires what the approval requires
   */
  static String pipeline(String orb, String prodContext, String prodRequires, String holdRequires) {
    return JOBS.replace("ORB", orb)
        + """

        workflows:
          build-test-deploy:
            jobs:
              - build
              - test:
                  requires: [build]
              - deploy/deploy:
                  name: deploy-qa
                  environment: qa
                  context: qa-deploy
                  requires: [test]
                  filters: {branches: {only: qa}}
              - deploy/deploy:
                  name: deploy-staging
                  environment: staging
                  context: staging-deploy
                  requires: [test]
                  filters: {branches: {only: staging}}
              - hold:
                  type: approval
                  requires: [HOLD_REQUIRES]
                  filters: {branches: {only: production}}
              - deploy/deploy:
                  name: deploy-production
                  environment: production
                  context: PROD_CONTEXT
                  requires: [PROD_REQUIRES]
                  filters: {branches: {only: production}}
        """
            .replace("HOLD_REQUIRES", holdRequires)
            .replace("PROD_CONTEXT", prodContext)
            .replace("PROD_REQUIRES", prodRequires);
  }

  /** The compliant pipeline with the orb at {@code orb}. */
  static String pipeline(String orb) {
    return pipeline(orb, "production-deploy", "hold", "test");
  }

  /**
   * Every job filtered to staging and production, so nothing runs on qa (BranchPipelines), with a
   * production context restricted only to this project (not to a group).
   */
  static final String STAGING_AND_PRODUCTION_ONLY =
      JOBS.replace("ORB", AcmeOrg.LATEST_ORB)
          + """

          x-release-branches: &release-branches
            filters: {branches: {only: [staging, production]}}

          workflows:
            release:
              jobs:
                - build:
                    <<: *release-branches
                - test:
                    <<: *release-branches
                    requires: [build]
                - hold:
                    type: approval
                    requires: [test]
                    filters: {branches: {only: production}}
                - deploy/deploy:
                    name: deploy-production
                    environment: production
                    context: [org-global, inventory-deploy]
                    requires: [hold]
                    filters: {branches: {only: production}}
          """;

  /**
   * A hand-written deploy script instead of the deployment orb, with no deploy marker, and a
   * context chosen by expression.
   */
  static final String SCRIPTED_DEPLOY =
      """
      version: 2.1

      jobs:
        build:
          docker:
            - image: cimg/python:3.12
          steps:
            - checkout
            - run: pip install -r requirements.txt
        test:
          docker:
            - image: cimg/python:3.12
          steps:
            - checkout
            - run: pip install -r requirements.txt && pytest
        deploy:
          parameters:
            env: {type: string}
          docker:
            - image: cimg/python:3.12
          steps:
            - checkout
            - run: ./scripts/deploy.sh << parameters.env >>

      workflows:
        main:
          jobs:
            - build
            - test:
                requires: [build]
            - hold:
                type: approval
                requires: [test]
                filters: {branches: {only: production}}
            - deploy:
                name: deploy-production
                env: production
                context: >-
                  << pipeline.git.branch == "production" and "production-deploy" or "staging-deploy" >>
                requires: [hold]
                filters: {branches: {only: production}}
      """;
}
