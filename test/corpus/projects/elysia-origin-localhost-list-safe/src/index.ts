import { Elysia } from "elysia";
import { cors } from "@elysiajs/cors";

const app = new Elysia().use(
  cors({
    allowedHeaders: ["Content-Type", "Authorization"],
    origin: ["http://localhost:5173"],
    credentials: true,
  })
);

app.get("/", () => ({ msg: "hello" }));

app.listen(3000);
