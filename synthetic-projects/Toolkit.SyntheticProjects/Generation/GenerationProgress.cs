namespace Toolkit.SyntheticProjects.Generation;

/// <summary>How far a generation has come; reported after each batch of directories.</summary>
/// <param name="DirectoriesDone">Source directories written so far.</param>
/// <param name="DirectoriesTotal">Source directories the project has (shared, bin and large-file directories not included).</param>
/// <param name="FilesWritten">Files written so far (sources, headers and peer build files).</param>
/// <param name="BytesWritten">Bytes written so far.</param>
public readonly record struct GenerationProgress(int DirectoriesDone, int DirectoriesTotal, long FilesWritten, long BytesWritten);
