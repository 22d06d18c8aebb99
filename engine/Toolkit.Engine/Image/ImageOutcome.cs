namespace Toolkit.Engine.Image;

/// <summary>What the check of a build image found (one byte); only <see cref="UpToDate"/> skips the load.</summary>
public enum ImageOutcome : byte
{
    /// <summary>Every recorded answer is the same: nothing to do.</summary>
    UpToDate = 0,

    /// <summary>No image.</summary>
    Missing = 1,

    /// <summary>An image of another format version (ignored silently).</summary>
    OtherVersion = 2,

    /// <summary>Damaged: truncated, a flipped byte, an entry out of bounds (one warning).</summary>
    Damaged = 3,

    /// <summary>The manifest, the dependency log, the database or the settings differ from the image's.</summary>
    InputsChanged = 4,

    /// <summary>A recorded path answers differently now.</summary>
    FileChanged = 5,

    /// <summary>A recorded file is not strictly older than the image (it may have changed within its stamp's granularity).</summary>
    Racy = 6,
}
