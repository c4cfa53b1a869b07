package ai.ailock.distribution.engine.identity;

import ai.ailock.distribution.engine.RequestMeta;

/** An authenticated caller: the Ailock whose registered key verified this request, and where it came from. */
public record Caller(AilockId ailock, KeyId keyId, RequestMeta meta) {}
