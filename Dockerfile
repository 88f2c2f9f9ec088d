# One image for the worker and the web UI (docker-compose picks the command).
# TypeScript runs through tsx, as in development; only the workflow bundle is built ahead (worker/bundle.ts).
FROM node:24-bookworm-slim
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
COPY scripts/bundle-workflows.ts ./scripts/bundle-workflows.ts
COPY tsconfig.json ./
# The workflow bundle is built once, with the image; workers start from it (worker/bundle.ts).
RUN node --import tsx scripts/bundle-workflows.ts dist/workflows.js
ENV WORKFLOW_BUNDLE=/app/dist/workflows.js
USER node
CMD ["node", "--import", "tsx", "worker/main.ts"]
