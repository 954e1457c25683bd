# Cockpit Board team server: a multi-stage build. The first stage installs everything and builds
# the app (dist/) and the compiled server (dist-server/); the second installs only the production
# dependencies and runs the server as the unprivileged `node` user.
#
#   docker build -t cockpit-board .
#   docker run -p 8080:8080 -e GAINSIGHT_DOMAIN=acme -e GAINSIGHT_ACCESS_KEY=... \
#     -e OIDC_ISSUER=... -e OIDC_CLIENT_ID=... -e OIDC_CLIENT_SECRET=... \
#     -e PUBLIC_URL=https://board.acme.com -e SESSION_SECRET=... cockpit-board
#
# See the README, "Deploying for a team", for every variable.

FROM node:20.19-bookworm-slim AS build
WORKDIR /app
# The build's dev dependencies include a native addon (better-sqlite3, for the sandbox and tests).
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# The lockfile is written by npm 11.
RUN npm install -g npm@11.19.1 --no-audit --no-fund
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20.19-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
RUN npm install -g npm@11.19.1 --no-audit --no-fund
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/dist-server ./dist-server
USER node
EXPOSE 8080
# /healthz answers while the process is alive; /readyz (which asks the tenant) is for load balancers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist-server/server/main.js"]
