import { FreshContext } from "$fresh/server.ts";

// Fresh runs routes/_middleware.ts around every route below routes/.
export async function handler(req: Request, ctx: FreshContext) {
  const requester = req.headers.get("Origin") || "*";
  const resp = await ctx.next();

  resp.headers.set("Access-Control-Allow-Origin", requester);
  resp.headers.set("Access-Control-Allow-Credentials", "true");
  resp.headers.set("Access-Control-Allow-Headers", "Content-Type, Authorization, X-CSRF-Token, Cache-Control");
  resp.headers.set("Access-Control-Allow-Methods", "POST, OPTIONS, GET, PUT, DELETE");

  return resp;
}
