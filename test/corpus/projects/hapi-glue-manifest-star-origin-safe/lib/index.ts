import * as Glue from "@hapi/glue";
import { RatesManifest } from "./config";

export async function compose() {
  // Glue builds Hapi.server(manifest.server), so routes.cors becomes the default for every route.
  return Glue.compose(RatesManifest, { relativeTo: __dirname });
}
