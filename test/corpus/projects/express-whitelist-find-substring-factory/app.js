const express = require('express');
const crossDomain = require('./middleware/cross-domain');

const app = express();
app.use(crossDomain(['streamhub.tv', 'localhost:8080']));
app.get('/api/feed', (req, res) => res.json({ items: [] }));
app.listen(3011);
