using Toolkit.Engine.Persistence;

namespace Toolkit.Engine.Database;

/// <summary>
/// What <see cref="SignatureDatabase.Load"/> found: the status, the database (empty unless Ok, so the
/// engine can always go on), and for a damaged file a warning to print before the full rebuild.
/// </summary>
public sealed class DatabaseLoadResult
{
    /// <summary>Creates a result.</summary>
    public DatabaseLoadResult(CheckedFileStatus status, SignatureDatabase database, string? warning)
    {
        ArgumentNullException.ThrowIfNull(database);
        Status = status;
        Database = database;
        Warning = warning;
    }

    /// <summary>Ok, Missing (first build) or Damaged (full rebuild).</summary>
    public CheckedFileStatus Status { get; }

    /// <summary>The loaded database; empty when Missing or Damaged.</summary>
    public SignatureDatabase Database { get; }

    /// <summary>For Damaged: a human-readable warning naming the file and what broke; null otherwise.</summary>
    public string? Warning { get; }
}
