// Taro's own preset; jest does not read this file (it uses @swc/jest), only `taro build` does.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
