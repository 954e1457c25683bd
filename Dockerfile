# Cockpit Board team server: a multi-stage build. One stage installs everything and builds the app
# (dist/) and the compiled server (dist-server/), another installs only the production
# dependencies, and the last runs the server with those as the unprivileged `node` user.
#
#   docker build -t cockpit-board .
#   docker run -p 8080:8080 -e GAINSIGHT_DOMAIN=acme -e GAINSIGHT_ACCESS_KEY=... \
#     -e OIDC_ISSUER=... -e OIDC_CLIENT_ID=... -e OIDC_CLIENT_SECRET=... \
#     -e PUBLIC_URL=https://board.acme.com -e SESSION_SECRET=... cockpit-board
#
# See the README, "Deploying for a team", for every variable.

FROM node:20.19-bookworm-slim AS toolchain
# better-sqlite3 is a native addon (the team server's mirror of the tenant, and the sandbox): where
# its prebuilt binary cannot be downloaded it is compiled, which needs these.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# The lockfile is written by npm 11.
RUN npm install -g npm@11.19.1 --no-audit --no-fund

FROM toolchain AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# The production dependencies alone, built where the toolchain is; the runtime image has none.
FROM toolchain AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20.19-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    GAINSIGHT_MIRROR_DB=/app/data/mirror.db
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/dist-server ./dist-server
# The mirror's file: a volume, so a new container resumes from it instead of a first sync.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
USER node
EXPOSE 8080
# /healthz answers while the process is alive; /readyz (which asks the tenant) is for load balancers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist-server/server/main.js"]
