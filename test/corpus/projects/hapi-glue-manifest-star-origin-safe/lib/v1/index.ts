import { Server } from "@hapi/hapi";

export const plugin = {
  name: "v1",
  register(server: Server) {
    server.route({
      method: "GET",
      path: "/v1/rates/{base}",
      handler: (request) => ({ base: request.params.base, rates: {} }),
    });
  },
};
