const express = require('express');

const app = express();

app.use((req, res, next) => {
  const tenantOrigin = req.headers['x-tenant-origin'];
  if (typeof tenantOrigin === 'string') {
    res.setHeader('Access-Control-Allow-Origin', tenantOrigin);
    res.setHeader('Vary', 'X-Tenant-Origin');
  }
  next();
});
app.get('/config', (req, res) => res.json({}));
app.listen(3000);
