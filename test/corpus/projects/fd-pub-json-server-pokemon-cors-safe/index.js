const cors = require('cors');
const jsonServer = require('json-server');

const api = jsonServer.create();
const routes = jsonServer.router('pokemon.json');
const port = process.env.PORT || 3001;

api.use(cors());
api.use(routes);
api.listen(port);
