const path = require('path');

module.exports = {
  entry: { main: './src/main.jsx' },
  output: {
    path: path.resolve(__dirname, 'build'),
    filename: '[name].js',
    libraryTarget: 'umd',
  },
  module: { rules: [{ test: /\.jsx?$/, use: 'babel-loader', exclude: /node_modules/ }] },
};
