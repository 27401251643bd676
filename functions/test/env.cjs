process.env.STAGE = process.env.STAGE || 'test';
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'silent';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.RATE_LIMIT_SCALE = process.env.RATE_LIMIT_SCALE || '100';
