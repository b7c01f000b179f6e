/* libclang, loaded when it is first needed.
 *
 * Linking libclang makes every run pay for loading it (about 30 ms of
 * relocations for a library of that size), also the runs that never parse:
 * a warm cache, --list-rules, an editor linting an unchanged file.  So the
 * front end calls libclang through pointers filled by dlopen/dlsym on the
 * first fe_index_new.  Each clang_* name used below is redirected to its
 * pointer; the types and declarations still come from clang-c/Index.h. */
#ifndef SC_CLANG_API_H
#define SC_CLANG_API_H

#include <stdbool.h>

#include <clang-c/Index.h>

#define SC_CLANG_FUNCTIONS(X) \
    X(clang_Cursor_Evaluate) \
    X(clang_Cursor_getArgument) \
    X(clang_Cursor_getNumArguments) \
    X(clang_Cursor_getStorageClass) \
    X(clang_Cursor_getVarDeclInitializer) \
    X(clang_Cursor_hasVarDeclGlobalStorage) \
    X(clang_Cursor_hasAttrs) \
    X(clang_Cursor_isAnonymous) \
    X(clang_Cursor_isNull) \
    X(clang_EvalResult_dispose) \
    X(clang_EvalResult_getAsDouble) \
    X(clang_EvalResult_getAsLongLong) \
    X(clang_EvalResult_getAsUnsigned) \
    X(clang_EvalResult_getKind) \
    X(clang_EvalResult_isUnsignedInt) \
    X(clang_Location_isInSystemHeader) \
    X(clang_PrintingPolicy_dispose) \
    X(clang_Range_isNull) \
    X(clang_Type_getNamedType) \
    X(clang_Type_getValueType) \
    X(clang_Type_visitFields) \
    X(clang_createIndex) \
    X(clang_disposeDiagnostic) \
    X(clang_disposeIndex) \
    X(clang_disposeString) \
    X(clang_disposeTokens) \
    X(clang_disposeTranslationUnit) \
    X(clang_equalCursors) \
    X(clang_equalLocations) \
    X(clang_equalTypes) \
    X(clang_formatDiagnostic) \
    X(clang_getArrayElementType) \
    X(clang_getArraySize) \
    X(clang_getCString) \
    X(clang_getCanonicalCursor) \
    X(clang_getCanonicalType) \
    X(clang_getCursorExtent) \
    X(clang_getCursorKind) \
    X(clang_getCursorLinkage) \
    X(clang_getCursorLocation) \
    X(clang_getCursorPrettyPrinted) \
    X(clang_getCursorPrintingPolicy) \
    X(clang_getCursorReferenced) \
    X(clang_getCursorSemanticParent) \
    X(clang_getCursorSpelling) \
    X(clang_getCursorType) \
    X(clang_getDiagnostic) \
    X(clang_getDiagnosticLocation) \
    X(clang_getDiagnosticSeverity) \
    X(clang_getEnumConstantDeclValue) \
    X(clang_getExpansionLocation) \
    X(clang_getFile) \
    X(clang_getFileContents) \
    X(clang_getFileLocation) \
    X(clang_getFileName) \
    X(clang_getInclusions) \
    X(clang_getNullCursor) \
    X(clang_getNumDiagnostics) \
    X(clang_getPointeeType) \
    X(clang_getRangeEnd) \
    X(clang_getRangeStart) \
    X(clang_getResultType) \
    X(clang_getSpellingLocation) \
    X(clang_getToken) \
    X(clang_getTokenExtent) \
    X(clang_getTokenLocation) \
    X(clang_getTranslationUnitCursor) \
    X(clang_getTypeDeclaration) \
    X(clang_getTypedefName) \
    X(clang_getTypeSpelling) \
    X(clang_hashCursor) \
    X(clang_isAttribute) \
    X(clang_isCursorDefinition) \
    X(clang_isDeclaration) \
    X(clang_isExpression) \
    X(clang_isStatement) \
    X(clang_parseTranslationUnit2) \
    X(clang_visitChildren)

#define SC_CLANG_DECLARE(f) extern __typeof__(&f) sc_p_##f;
SC_CLANG_FUNCTIONS(SC_CLANG_DECLARE)
#undef SC_CLANG_DECLARE

/* Calls that only newer libclangs have, NULL when the loaded one lacks
 * them: an operator node's kind (clang_getCursorBinaryOperatorKind and
 * clang_getCursorUnaryOperatorKind, LLVM 17).  Declared here with the
 * enum as unsigned, since the headers we may build with predate them. */
extern unsigned (*sc_clang_binop_kind)(CXCursor);
extern unsigned (*sc_clang_unop_kind)(CXCursor);

/* Loads libclang (once; thread-safe).  false and *err (static text) if it
 * cannot be loaded. */
bool sc_clang_load(const char **err);
/* The libclang to try before the one we were built against; called before
 * the first load (the test tools use it to run another version). */
void sc_clang_prefer(const char *path);

#ifndef SC_CLANG_API_IMPL
#define clang_Cursor_Evaluate (*sc_p_clang_Cursor_Evaluate)
#define clang_Cursor_getArgument (*sc_p_clang_Cursor_getArgument)
#define clang_Cursor_getNumArguments (*sc_p_clang_Cursor_getNumArguments)
#define clang_Cursor_getStorageClass (*sc_p_clang_Cursor_getStorageClass)
#define clang_Cursor_getVarDeclInitializer (*sc_p_clang_Cursor_getVarDeclInitializer)
#define clang_Cursor_hasVarDeclGlobalStorage (*sc_p_clang_Cursor_hasVarDeclGlobalStorage)
#define clang_Cursor_hasAttrs (*sc_p_clang_Cursor_hasAttrs)
#define clang_Cursor_isAnonymous (*sc_p_clang_Cursor_isAnonymous)
#define clang_Cursor_isNull (*sc_p_clang_Cursor_isNull)
#define clang_EvalResult_dispose (*sc_p_clang_EvalResult_dispose)
#define clang_EvalResult_getAsDouble (*sc_p_clang_EvalResult_getAsDouble)
#define clang_EvalResult_getAsLongLong (*sc_p_clang_EvalResult_getAsLongLong)
#define clang_EvalResult_getAsUnsigned (*sc_p_clang_EvalResult_getAsUnsigned)
#define clang_EvalResult_getKind (*sc_p_clang_EvalResult_getKind)
#define clang_EvalResult_isUnsignedInt (*sc_p_clang_EvalResult_isUnsignedInt)
#define clang_Location_isInSystemHeader (*sc_p_clang_Location_isInSystemHeader)
#define clang_PrintingPolicy_dispose (*sc_p_clang_PrintingPolicy_dispose)
#define clang_Range_isNull (*sc_p_clang_Range_isNull)
#define clang_Type_getNamedType (*sc_p_clang_Type_getNamedType)
#define clang_Type_getValueType (*sc_p_clang_Type_getValueType)
#define clang_Type_visitFields (*sc_p_clang_Type_visitFields)
#define clang_createIndex (*sc_p_clang_createIndex)
#define clang_disposeDiagnostic (*sc_p_clang_disposeDiagnostic)
#define clang_disposeIndex (*sc_p_clang_disposeIndex)
#define clang_disposeString (*sc_p_clang_disposeString)
#define clang_disposeTokens (*sc_p_clang_disposeTokens)
#define clang_disposeTranslationUnit (*sc_p_clang_disposeTranslationUnit)
#define clang_equalCursors (*sc_p_clang_equalCursors)
#define clang_equalLocations (*sc_p_clang_equalLocations)
#define clang_equalTypes (*sc_p_clang_equalTypes)
#define clang_formatDiagnostic (*sc_p_clang_formatDiagnostic)
#define clang_getArrayElementType (*sc_p_clang_getArrayElementType)
#define clang_getArraySize (*sc_p_clang_getArraySize)
#define clang_getCString (*sc_p_clang_getCString)
#define clang_getCanonicalCursor (*sc_p_clang_getCanonicalCursor)
#define clang_getCanonicalType (*sc_p_clang_getCanonicalType)
#define clang_getCursorExtent (*sc_p_clang_getCursorExtent)
#define clang_getCursorKind (*sc_p_clang_getCursorKind)
#define clang_getCursorLinkage (*sc_p_clang_getCursorLinkage)
#define clang_getCursorLocation (*sc_p_clang_getCursorLocation)
#define clang_getCursorPrettyPrinted (*sc_p_clang_getCursorPrettyPrinted)
#define clang_getCursorPrintingPolicy (*sc_p_clang_getCursorPrintingPolicy)
#define clang_getCursorReferenced (*sc_p_clang_getCursorReferenced)
#define clang_getCursorSemanticParent (*sc_p_clang_getCursorSemanticParent)
#define clang_getCursorSpelling (*sc_p_clang_getCursorSpelling)
#define clang_getCursorType (*sc_p_clang_getCursorType)
#define clang_getDiagnostic (*sc_p_clang_getDiagnostic)
#define clang_getDiagnosticLocation (*sc_p_clang_getDiagnosticLocation)
#define clang_getDiagnosticSeverity (*sc_p_clang_getDiagnosticSeverity)
#define clang_getEnumConstantDeclValue (*sc_p_clang_getEnumConstantDeclValue)
#define clang_getExpansionLocation (*sc_p_clang_getExpansionLocation)
#define clang_getFile (*sc_p_clang_getFile)
#define clang_getFileContents (*sc_p_clang_getFileContents)
#define clang_getFileLocation (*sc_p_clang_getFileLocation)
#define clang_getFileName (*sc_p_clang_getFileName)
#define clang_getInclusions (*sc_p_clang_getInclusions)
#define clang_getNullCursor (*sc_p_clang_getNullCursor)
#define clang_getNumDiagnostics (*sc_p_clang_getNumDiagnostics)
#define clang_getPointeeType (*sc_p_clang_getPointeeType)
#define clang_getRangeEnd (*sc_p_clang_getRangeEnd)
#define clang_getRangeStart (*sc_p_clang_getRangeStart)
#define clang_getResultType (*sc_p_clang_getResultType)
#define clang_getSpellingLocation (*sc_p_clang_getSpellingLocation)
#define clang_getToken (*sc_p_clang_getToken)
#define clang_getTokenExtent (*sc_p_clang_getTokenExtent)
#define clang_getTokenLocation (*sc_p_clang_getTokenLocation)
#define clang_getTranslationUnitCursor (*sc_p_clang_getTranslationUnitCursor)
#define clang_getTypeDeclaration (*sc_p_clang_getTypeDeclaration)
#define clang_getTypedefName (*sc_p_clang_getTypedefName)
#define clang_getTypeSpelling (*sc_p_clang_getTypeSpelling)
#define clang_hashCursor (*sc_p_clang_hashCursor)
#define clang_isAttribute (*sc_p_clang_isAttribute)
#define clang_isCursorDefinition (*sc_p_clang_isCursorDefinition)
#define clang_isDeclaration (*sc_p_clang_isDeclaration)
#define clang_isExpression (*sc_p_clang_isExpression)
#define clang_isStatement (*sc_p_clang_isStatement)
#define clang_parseTranslationUnit2 (*sc_p_clang_parseTranslationUnit2)
#define clang_visitChildren (*sc_p_clang_visitChildren)
#endif

#endif
