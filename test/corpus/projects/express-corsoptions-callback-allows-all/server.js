const express = require('express');
const cors = require('cors');
const cookieParser = require('cookie-parser');
const corsOptions = require('./config/corsOptions');
const orderRoutes = require('./routes/orders');

const app = express();
app.use(cors(corsOptions));
app.use(cookieParser());
app.use(express.json());
app.use('/api/orders', orderRoutes);

app.listen(process.env.PORT || 4000);
