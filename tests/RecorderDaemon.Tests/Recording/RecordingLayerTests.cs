using System.Reflection;
using System.Reflection.Emit;
using RecorderDaemon.Media;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Tests.Recording;

/// <summary>
/// The seam holds: no type of <c>RecorderDaemon.Recording</c> (nor a closure or state machine the compiler made for one)
/// names a type of <c>Media/</c> or of the native layer, in its signatures or in the code of its methods.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RecordingLayerTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    [Test]
    public void RecordingNamesNoMediaOrNativeType()
    {
        var recordingTypes = typeof(MediaRecorder).Assembly.GetTypes().Where(type => Outermost(type).Namespace == "RecorderDaemon.Recording").ToList();

        var references = recordingTypes
            .SelectMany(type => ReferencedTypes(type).Select(referenced => (From: type, To: referenced)))
            .Where(reference => IsBelowTheSeam(reference.To))
            .Select(reference => $"{reference.From.FullName} -> {reference.To.FullName}")
            .Distinct()
            .ToList();

        Assert.That(recordingTypes, Has.Member(typeof(RecordingSession)), "the scan sees the layer's internal types too");
        Assert.That(references, Is.Empty);
    }

    [Test]
    public void TheScanFindsAReferenceInAMethodBody()
    {
        var found = ReferencedTypes(typeof(RecordingLayerTests)).Where(IsBelowTheSeam);

        Assert.That(found, Has.Member(typeof(TypeSupport)));
    }

    /// <summary>Used by <see cref="TheScanFindsAReferenceInAMethodBody"/>: a Media call that appears only in code.</summary>
    private static bool CallsMedia() => TypeSupport.IsTypeSupported("");

    private static bool IsBelowTheSeam(Type type) =>
        type.Assembly == typeof(GLibLoop).Assembly || type.Namespace?.StartsWith("RecorderDaemon.Media", StringComparison.Ordinal) == true;

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        var signatures = new[] { type.BaseType }.Concat(type.GetInterfaces())
            .Concat(type.GetFields(Declared).Select(field => field.FieldType))
            .Concat(type.GetProperties(Declared).Select(property => property.PropertyType))
            .Concat(type.GetEvents(Declared).Select(@event => @event.EventHandlerType));
        var methods = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)).ToList();
        return signatures.OfType<Type>()
            .Concat(methods.SelectMany(Signature))
            .Concat(methods.SelectMany(InCode))
            .SelectMany(Constituents);
    }

    private static IEnumerable<Type> Signature(MethodBase method) =>
        method.GetParameters().Select(parameter => parameter.ParameterType)
            .Concat(method is MethodInfo info ? [info.ReturnType] : [])
            .Concat(method.GetMethodBody()?.LocalVariables.Select(local => local.LocalType) ?? []);

    /// <summary>The types of the members, types and tokens the method's IL refers to.</summary>
    private static IEnumerable<Type> InCode(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var offset = 0; offset < il.Length;)
        {
            var value = il[offset] == 0xFE ? (short)(0xFE00 | il[offset + 1]) : il[offset];
            var code = OpCodesByValue[value];
            offset += code.Size;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, offset), typeArguments, methodArguments);
                foreach (var referenced in TypesOf(member))
                {
                    yield return referenced;
                }
            }

            offset += OperandSize(code, il, offset);
        }
    }

    private static IEnumerable<Type> TypesOf(MemberInfo? member) => member switch
    {
        Type type => [type],
        FieldInfo field => [field.DeclaringType!, field.FieldType],
        MethodBase method => new[] { method.DeclaringType! }.Concat(Signature(method)),
        _ => [],
    };

    private static int OperandSize(OpCode code, byte[] il, int offset) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, offset)),
        _ => 4,
    };

    /// <summary>A type and what it is made of: element types and generic arguments.</summary>
    private static IEnumerable<Type> Constituents(Type type) =>
        type.HasElementType ? Constituents(type.GetElementType()!)
        : type.IsGenericType ? new[] { type.GetGenericTypeDefinition() }.Concat(type.GetGenericArguments().SelectMany(Constituents))
        : [type];
}
