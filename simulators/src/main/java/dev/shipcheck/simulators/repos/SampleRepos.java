package dev.shipcheck.simulators.repos;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sample repositories of the pre-merge scan's tests and benchmarks, by name. Each is a {@link
 * SampleRepo} recipe; write it with {@link SampleRepo#writeTo}.
 */
public final class SampleRepos {
  /** A pinned, multi-stage Dockerfile. */
  public static final String GOOD_DOCKERFILE =
      """
      # syntax=docker/dockerfile:1
      ARG NODE_VERSION=20.11
      FROM node:${NODE_VERSION}-bookworm AS build
      WORKDIR /app
      COPY package*.json ./
      RUN npm ci
      COPY . .
      RUN npm run build

      FROM build AS test
      RUN npm test

      FROM gcr.io/distroless/nodejs20-debian12@sha256:8cd8f7d2a8b2d1c1f0e1d5c0c3a8d5f6e7b8a9c0d1e2f3a4b5c6d7e8f9a0b1c2
      COPY --from=build /app/dist /app
      CMD ["/app/server.js"]
      """;

  /** A CircleCI config that satisfies every pipeline rule of the default policy. */
  public static final String GOOD_CIRCLECI =
      """
      version: 2.1

      orbs:
        deploy: acme/deploy@2.4.1

      jobs:
        build:
          docker:
            - image: cimg/node:20.11
          steps:
            - checkout
            - run: npm ci
        test:
          docker:
            - image: cimg/node:20.11
          steps:
            - checkout
            - run: npm test
            - store_test_results:
                path: reports

      workflows:
        qa:
          jobs:
            - build:
                filters: {branches: {only: qa}}
            - test:
                requires: [build]
                filters: {branches: {only: qa}}
            - deploy/deploy:
                name: deploy-qa
                environment: qa
                requires: [test]
                filters: {branches: {only: qa}}
        staging:
          jobs:
            - build:
                filters: {branches: {only: staging}}
            - test:
                requires: [build]
                filters: {branches: {only: staging}}
            - deploy/deploy:
                name: deploy-staging
                environment: staging
                requires: [test]
                filters: {branches: {only: staging}}
        production:
          jobs:
            - build:
                filters: {branches: {only: production}}
            - test:
                requires: [build]
                filters: {branches: {only: production}}
            - hold:
                type: approval
                requires: [test]
                filters: {branches: {only: production}}
            - deploy/deploy:
                name: deploy-production
                environment: production
                context: production-deploy
                requires: [hold]
                filters: {branches: {only: production}}
      """;

  public static final String ROLLBACK =
      """
      version: 2.1
      parameters:
        component: {type: string, default: web}
      jobs:
        rollback:
          docker:
            - image: cimg/base:2024.01
          steps:
            - run: echo "rolling back << pipeline.parameters.component >>"
      workflows:
        rollback:
          jobs: [rollback]
      """;

  private SampleRepos() {}

  /** Everything the default policy asks of a repository. */
  public static SampleRepo compliant() {
    return SampleRepo.create()
        .file("Dockerfile", GOOD_DOCKERFILE)
        .file(".circleci/config.yml", GOOD_CIRCLECI)
        .file(".circleci/rollback.yml", ROLLBACK)
        .file("README.md", "# shop\n")
        .file("src/server.js", "console.log('hello');\n")
        .branches("qa", "staging", "production")
        .origin("git@github.com:acme/shop.git");
  }

  /** The named samples of the "done means" list. */
  public static Map<String, Supplier<SampleRepo>> all() {
    Map<String, Supplier<SampleRepo>> m = new LinkedHashMap<>();
    m.put("compliant", SampleRepos::compliant);
    m.put("no-dockerfile", () -> base().branches("qa", "staging", "production"));
    m.put(
        "dockerfile-under-docker",
        () ->
            base()
                .file("docker/Dockerfile", "FROM node:20\n")
                .branches("qa", "staging", "production"));
    m.put(
        "lowercase-dockerfile",
        () -> base().file("dockerfile", "FROM node:20\n").branches("qa", "staging", "production"));
    m.put(
        "untagged-from",
        () -> base().file("Dockerfile", "FROM node\n").branches("qa", "staging", "production"));
    m.put(
        "latest-from",
        () -> base().file("Dockerfile", "FROM x:latest\n").branches("qa", "staging", "production"));
    m.put(
        "digest-from",
        () ->
            base()
                .file(
                    "Dockerfile",
                    "FROM x@sha256:"
                        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")
                .branches("qa", "staging", "production"));
    m.put(
        "multi-stage",
        () ->
            base()
                .file(
                    "Dockerfile",
                    "FROM golang:1.22 AS build\nRUN go build\nFROM build AS test\nFROM alpine:3.20\n")
                .branches("qa", "staging", "production"));
    m.put(
        "arg-before-from",
        () ->
            base()
                .file("Dockerfile", "ARG BASE=python:3.12-slim\nFROM ${BASE}\n")
                .branches("qa", "staging", "production"));
    m.put(
        "capitalised-branches",
        () -> base().file("Dockerfile", "FROM node:20\n").branches("QA", "Staging", "Production"));
    m.put(
        "missing-staging",
        () -> base().file("Dockerfile", "FROM node:20\n").branches("qa", "production"));
    return m;
  }

  /** Compliant with every CircleCI rule, so each sample isolates its Docker or branch case. */
  private static SampleRepo base() {
    return SampleRepo.create()
        .file("README.md", "# sample\n")
        .file(".circleci/config.yml", GOOD_CIRCLECI)
        .file(".circleci/rollback.yml", ROLLBACK)
        .origin("https://github.com/acme/sample.git");
  }
}
