const subdomains = new RegExp("^https://([a-z0-9-]+\.)?pastebox\.online");

const allowedOrigins = [subdomains, 'http://localhost:3000', 'https://pastebox.online'];

module.exports = {
  origin: allowedOrigins,
  optionsSuccessStatus: 200,
  credentials: true,
};
