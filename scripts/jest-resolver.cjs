/** @middy/* publish only an `import` export condition: let jest (CJS) resolve it; swc transforms it. */
module.exports = (request, options) => {
  if (request.startsWith('@middy/')) {
    return options.defaultResolver(request, { ...options, conditions: ['import', 'node', 'default'] });
  }
  return options.defaultResolver(request, options);
};
