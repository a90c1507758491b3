package p2plab.common.overlay;

/** Live progress of a download, for a progress bar. Called on the downloader's thread. */
@FunctionalInterface
public interface DownloadProgress {

    void update(long bytesDone, long bytesTotal, int sources);

    DownloadProgress NONE = (done, total, sources) -> { };
}
