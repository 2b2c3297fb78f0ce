import { compose } from "./lib";

(async () => {
  const server = await compose();
  await server.start();
  console.log(`rates API on ${server.info.uri}`);
})();
