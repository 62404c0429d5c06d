# Routeboard for a cluster (deploy/helm/routeboard): a non-root image that serves the production
# build with a login (ROUTEBOARD_AUTH=token or oidc). Build: docker build -t routeboard .
# The runtime stage holds only what `npm start` needs with ROUTEBOARD_SKIP_BUILD=1; the list of
# what it copies is checked by e2e/deploy/image.spec.ts, which runs the server from that layout.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:24-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    ROUTEBOARD_SKIP_BUILD=1 \
    ROUTEBOARD_HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY --from=build /app/package.json /app/next.config.js ./
COPY --from=build /app/public ./public
COPY --from=build /app/crds ./crds
COPY --from=build /app/scripts/serve.mjs ./scripts/serve.mjs
# Next writes its cache at run time; with a read-only root filesystem the chart mounts an
# emptyDir here and at /tmp.
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
HEALTHCHECK CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "scripts/serve.mjs"]
