#!/usr/bin/env node

const open = require('open');
const server = require('../index.js');

const port = process.env.PORT || 8999;

server.listen(port, () => {
  console.log(`logcat-ui on ${port}`);
  open(`http://localhost:${port}`);
});
