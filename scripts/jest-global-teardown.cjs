module.exports = async () => {
  await globalThis.__GRIDLINK_DYNAMO__?.stop();
};
