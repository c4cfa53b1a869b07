package ai.ailock.distribution.engine.upload;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.identity.Caller;
import java.util.List;

/** Tells an uploader which chunks the service holds, so an interrupted upload resumes with the missing ones. */
public final class DescribeUpload {
  private final UploadSessions sessions;

  public DescribeUpload(UploadSessions sessions) {
    this.sessions = sessions;
  }

  /** A session and the indices of the chunks it holds, ascending. */
  public record Progress(UploadSession session, List<Integer> held) {
    public List<Integer> missing() {
      var missing = new java.util.ArrayList<Integer>();
      for (int i = 0, h = 0; i < session.chunkCount(); i++) {
        if (h < held.size() && held.get(h) == i) {
          h++;
        } else {
          missing.add(i);
        }
      }
      return missing;
    }
  }

  public Progress describe(Caller caller, UploadId uploadId) {
    UploadSession session = sessions.findOwned(uploadId, caller.ailock())
        .orElseThrow(() -> new DistributionException(ErrorCode.UPLOAD_NOT_FOUND, "no such upload"));
    return new Progress(session, sessions.chunks(uploadId).stream().map(StoredChunk::index).toList());
  }
}
