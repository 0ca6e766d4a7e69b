# One image for the worker, the API, the carrier simulator and the SMTP catcher; the compose
# service (or Kubernetes container) picks the command. Checked statically by
# test/unit/deploy/compose.test.ts: no container engine runs on the development machines.
# Node 24, the LTS line supported until April 2028 (20 ended in April 2026, 22 ends in April 2027);
# both stages on the same line, one that package.json's engines admits.

# Build: every dependency, the TypeScript compiled to lib/, and the prebuilt workflow bundle
# lib/workflow-bundle.js (`npm run build` runs scripts/build-workflow-bundle.ts after tsc).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Runtime: production dependencies only, the compiled code and the bundle, as the unprivileged
# `node` user. The worker loads the bundle instead of running webpack at start.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    WORKFLOW_BUNDLE_PATH=/app/lib/workflow-bundle.js
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/lib ./lib
# The web console (npm run build writes it with esbuild), served by the API at /console/.
COPY --from=build /app/console/dist ./console/dist
USER node
CMD ["node", "lib/api/main.js"]
