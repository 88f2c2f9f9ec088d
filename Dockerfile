# One image for the worker and the web UI (docker-compose picks the command).
# TypeScript runs through tsx, as in development: no separate build output to keep in sync.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY domain ./domain
COPY workflows ./workflows
COPY activities ./activities
COPY store ./store
COPY worker ./worker
COPY client ./client
COPY tsconfig.json ./
USER node
CMD ["node", "--import", "tsx", "worker/main.ts"]
