# One image for every CloudShelf process; ROLE picks what it does (api | worker | all).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@12.21.0
COPY . .
RUN CI=true pnpm install --frozen-lockfile && pnpm run build && pnpm deploy --filter @cloudshelf/api --prod /out

FROM node:20-bookworm-slim
# A CJK font for the printable QR sheets (store and shelf names in Chinese).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /out .
# DATA_DIR belongs to the app user; a named volume mounted on /data/uploads starts with this owner.
RUN mkdir -p /data/uploads && chown -R node:node /data
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]
