import { serveDir } from '@std/http/file-server';

// Preview server for the generated site: `deno task serve`.
Deno.serve((request) =>
  serveDir(request, {
    fsRoot: './dist',
    urlRoot: '',
    showDirListing: true,
    enableCors: true,
  }),
);
