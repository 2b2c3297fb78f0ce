// Every subdomain of the product's domain, plus the dev hosts.
const productPattern = new RegExp("(^|^[^:]+:\/\/|[^\.]+\.)snippad\.online");

const allowed = [
  productPattern,
  'http://localhost:3000',
  'http://localhost:3001',
  'https://snippad.online',
];

module.exports = {
  origin: allowed,
  credentials: true,
  optionsSuccessStatus: 200,
};
