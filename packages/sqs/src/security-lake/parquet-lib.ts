import type { Compressors, ParquetParsers, parquetMetadataAsync, parquetSchema } from 'hyparquet';
import type { assembleNested } from 'hyparquet/src/assemble.js';
import type { parquetHeader, readPage } from 'hyparquet/src/column.js';
import type { convert, convertWithDictionary } from 'hyparquet/src/convert.js';
import type { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import type { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import type { getMaxDefinitionLevel, getMaxRepetitionLevel, getTreePath } from 'hyparquet/src/schema.js';
import { RAW_PARSERS } from './parquet-values.js';

/**
 * The parts of hyparquet the row reader drives page by page. They come from hyparquet's exported
 * `src/*.js` modules, loaded on first use only (decision L20).
 */
export interface ParquetLib {
  readonly parquetMetadataAsync: typeof parquetMetadataAsync;
  readonly parquetSchema: typeof parquetSchema;
  readonly parquetHeader: typeof parquetHeader;
  readonly readPage: typeof readPage;
  readonly convert: typeof convert;
  readonly convertWithDictionary: typeof convertWithDictionary;
  readonly decompressPage: typeof decompressPage;
  readonly readDataPage: typeof readDataPage;
  readonly readDataPageV2: typeof readDataPageV2;
  readonly readRleBitPackedHybrid: typeof readRleBitPackedHybrid;
  readonly assembleNested: typeof assembleNested;
  readonly getTreePath: typeof getTreePath;
  readonly getMaxDefinitionLevel: typeof getMaxDefinitionLevel;
  readonly getMaxRepetitionLevel: typeof getMaxRepetitionLevel;
  /** hyparquet's default parsers with ours (full-precision timestamps and dates) on top. */
  readonly parsers: ParquetParsers;
  readonly compressors: Compressors;
}

let loading: Promise<ParquetLib> | undefined;

export function loadParquetLib(): Promise<ParquetLib> {
  loading ??= (async () => {
    const [main, column, convertModule, datapage, encoding, assemble, schema, { compressors }] =
      await Promise.all([
        import('hyparquet'),
        import('hyparquet/src/column.js'),
        import('hyparquet/src/convert.js'),
        import('hyparquet/src/datapage.js'),
        import('hyparquet/src/encoding.js'),
        import('hyparquet/src/assemble.js'),
        import('hyparquet/src/schema.js'),
        import('hyparquet-compressors'),
      ]);
    return {
      parquetMetadataAsync: main.parquetMetadataAsync,
      parquetSchema: main.parquetSchema,
      parquetHeader: column.parquetHeader,
      readPage: column.readPage,
      convert: convertModule.convert,
      convertWithDictionary: convertModule.convertWithDictionary,
      decompressPage: datapage.decompressPage,
      readDataPage: datapage.readDataPage,
      readDataPageV2: datapage.readDataPageV2,
      readRleBitPackedHybrid: encoding.readRleBitPackedHybrid,
      assembleNested: assemble.assembleNested,
      getTreePath: schema.getTreePath,
      getMaxDefinitionLevel: schema.getMaxDefinitionLevel,
      getMaxRepetitionLevel: schema.getMaxRepetitionLevel,
      parsers: { ...convertModule.DEFAULT_PARSERS, ...RAW_PARSERS } as ParquetParsers,
      compressors,
    };
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
