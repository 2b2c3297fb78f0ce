async function handler(req) {
    const cors = new Headers();
    cors.set("Access-Control-Allow-Origin", "*");
    cors.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS, PATCH, DELETE");
    cors.set("Access-Control-Allow-Headers", "Content-Type");
    if (req.method === "OPTIONS") {
        return new Response(null, { headers: cors });
    }
    // (work in progress upstream: other methods get no response yet)
}

Deno.serve(handler);
