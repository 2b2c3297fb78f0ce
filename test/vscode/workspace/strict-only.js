// Only the strict preset reports this: a trusted origin over plain http.
const cors = require('cors');
const express = require('express');

const app = express();
app.use(cors({ origin: ['http://shop.example.com'], credentials: true }));
