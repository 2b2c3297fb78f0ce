import { createServer } from 'node:http';
import { createYogaServer } from './graphql/yoga';

const server = createServer(createYogaServer());
server.listen(4000);
