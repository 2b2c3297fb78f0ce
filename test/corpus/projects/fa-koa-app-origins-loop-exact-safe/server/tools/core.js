const fs = require('fs');
const path = require('path');

// requires every .js file of a folder, in name order, and calls it with app
const loader = async (dir, app) => {
  const folder = path.join(__dirname, '..', dir);
  const files = fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.js'))
    .sort();
  for (const file of files) {
    await require(`../${dir}/${file}`)(app);
  }
};

module.exports.loader = loader;
