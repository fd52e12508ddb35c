package dev.headroom;

/**
 * llama.cpp's file types ({@code enum llama_ftype}) with their default tensor type
 * ({@code llama_ftype_get_default_type}, {@code src/llama-quant.cpp}). The per-tensor mix built on top of the
 * default is {@link QuantizationRules}.
 */
enum LlamaFileType {
  F32(0, GgmlType.F32),
  F16(1, GgmlType.F16),
  Q4_0(2, GgmlType.Q4_0),
  Q4_1(3, GgmlType.Q4_1),
  Q8_0(7, GgmlType.Q8_0),
  Q5_0(8, GgmlType.Q5_0),
  Q5_1(9, GgmlType.Q5_1),
  Q2_K(10, GgmlType.Q2_K),
  Q3_K_S(11, GgmlType.Q3_K),
  Q3_K_M(12, GgmlType.Q3_K),
  Q3_K_L(13, GgmlType.Q3_K),
  Q4_K_S(14, GgmlType.Q4_K),
  Q4_K_M(15, GgmlType.Q4_K),
  Q5_K_S(16, GgmlType.Q5_K),
  Q5_K_M(17, GgmlType.Q5_K),
  Q6_K(18, GgmlType.Q6_K),
  IQ2_XXS(19, GgmlType.IQ2_XXS),
  IQ2_XS(20, GgmlType.IQ2_XS),
  Q2_K_S(21, GgmlType.Q2_K),
  IQ3_XS(22, GgmlType.IQ3_S),
  IQ3_XXS(23, GgmlType.IQ3_XXS),
  IQ1_S(24, GgmlType.IQ1_S),
  IQ4_NL(25, GgmlType.IQ4_NL),
  IQ3_S(26, GgmlType.IQ3_S),
  IQ3_M(27, GgmlType.IQ3_S),
  IQ2_S(28, GgmlType.IQ2_XS),
  IQ2_M(29, GgmlType.IQ2_S),
  IQ4_XS(30, GgmlType.IQ4_XS),
  IQ1_M(31, GgmlType.IQ1_M),
  BF16(32, GgmlType.BF16),
  TQ1_0(36, GgmlType.TQ1_0),
  TQ2_0(37, GgmlType.TQ2_0),
  MXFP4_MOE(38, GgmlType.MXFP4);

  final int id;
  final GgmlType defaultType;

  LlamaFileType(int id, GgmlType defaultType) {
    this.id = id;
    this.defaultType = defaultType;
  }
}
