# Shipcheck's container image: the release build (bin/shipcheck + lib/shipcheck.jar, as in the
# dist tarball) on a Java 25 runtime, run as a non-root user, with its AOT cache (JEP 483/515: the
# classes a pre-merge scan loads, linked, with their profiles) made at build time. The jar still
# targets Java 17. It also serves as the primary container of the orb's jobs, so it carries
# what CircleCI needs there (git, ssh, tar, gzip, ca-certificates).
#
#   docker build --build-arg REVISION="$(git rev-parse --short=12 HEAD)" -t shipcheck .
#   docker run --rm -v "$PWD:/work" -w /work shipcheck scan --repo .
#
# Base images are pinned by digest. Neither digest could be checked against the registry from
# where this file was written (no registry access there): each is a digest that public
# Dockerfiles pin for the exact tag written beside it (the maven one in seven public files of
# apparently unrelated projects; the eclipse-temurin one in a Dockerfile whose other digest pins a
# bot keeps current). `docker pull` fails on a digest that does not exist, so the first image build
# confirms them; bump tag and digest together.

# Build stage: the release tarball, built exactly as `mvn -Pdist package -pl cli -am` builds it
# outside Docker (.ci/dockerfile-build-stage runs these RUN commands on a plain checkout).
FROM maven:3.9.9-eclipse-temurin-17@sha256:f58d59b6273e785ac0a4477f6e9b5ba1d7731c75b906c0f7b34076f1851318cc AS build
WORKDIR /src
COPY . .
# The build context has no .git (see .dockerignore), so the revision comes in as an argument.
ARG REVISION=""
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dspotless.check.skip=true -Dshipcheck.revision="${REVISION}" \
        -Pdist package -pl cli -am \
 && mkdir -p target/image \
 && tar -xzf cli/target/shipcheck-*.tar.gz -C target/image --strip-components=1

# Runtime stage: a JRE, the release and nothing of the build.
# The runtime digest is one that two public Dockerfiles of unrelated projects pin for this tag, not
# checked against the registry either (the tag moves with each Java update: the first build tells).
FROM eclipse-temurin:25-jre-noble@sha256:b27ca47660a8fa837e47a8533b9b1a3a430295cf29ca28d91af4fd121572dc29
RUN apt-get update \
 && apt-get install -y --no-install-recommends git openssh-client \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 shipcheck \
 && useradd --system --uid 10001 --gid shipcheck --create-home --home-dir /home/shipcheck \
        --shell /bin/bash shipcheck
COPY --from=build /src/target/image /opt/shipcheck
# The AOT cache is tied to the JVM that writes it, so it is made here by this stage's java (the
# build stage's JDK is another build): the launcher's first run trains it into lib/, where later
# runs by the unprivileged user find it (on Java 17-23 the launcher writes a CDS archive instead).
RUN ln -s /opt/shipcheck/bin/shipcheck /usr/local/bin/shipcheck \
 && shipcheck --version \
 && ls /opt/shipcheck/lib/shipcheck-*.aot
USER 10001:10001
WORKDIR /home/shipcheck
ENTRYPOINT ["shipcheck"]
CMD ["--help"]
