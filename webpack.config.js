/** Both hosts: `npm run build` → dist/apps-script/ (Google Sheets) and dist/excel-addin/ (Excel). */
const appsScript = require('./apps-script/webpack.config');
const excel = require('./excel-addin/webpack.config');

module.exports = (env = {}) => [...appsScript(env), ...excel(env)];
